# When the assistant does not understand.
fallback-not-understood = Sorry, I did not understand that. Choose a topic below or try saying it in other words.
