"""The channel-free core: dialog engine, conversation state, locks and the notifier."""
