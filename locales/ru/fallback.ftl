# When the assistant does not understand.
fallback-not-understood = Извините, я не понял. Выберите тему ниже или попробуйте написать это другими словами.
