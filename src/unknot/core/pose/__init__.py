"""The 3D body model: anatomical joint angles to landmark positions and back. Pure.

`kinematics.rest` places a keyframe's body on its support; `measure.measure` reads the joint angles
back from positions (what the camera coach uses); `motion` interpolates between keyframes.
"""
