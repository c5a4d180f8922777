"""Exercise figures drawn from the 3D pose model: still pairs, animations and the contact sheet."""
