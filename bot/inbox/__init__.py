"""The durable inbox: inbound messages stored before they are processed, handled once and in order."""
