"""The camera coach and the posture watch: landmarks from a pose model in, coaching out. Pure.

The live features (the web player, the posture page) and the replay commands run these same rules.
"""
