"""Multilingual messaging assistant for the Ústí nad Labem integration centre."""
