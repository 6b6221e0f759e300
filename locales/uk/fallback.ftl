# When the assistant does not understand.
fallback-not-understood = Вибачте, я не зрозумів. Виберіть тему нижче або спробуйте написати це іншими словами.
