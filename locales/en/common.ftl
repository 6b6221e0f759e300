# Shared buttons and replies used by several dialogs.
common-back-to-menu = ↩️ Back to the menu
common-yes = Yes
common-no = No
error-try-again = Sorry, something went wrong on our side. Your message is saved; please try again in a minute.
error-busy = I am still answering your previous message. Please wait a moment and send this one again.
input-empty = Your message was empty. Write your question in words or choose from the menu.
input-too-long = Your message is too long for me ({ $length } characters). Please shorten it to { $limit } characters or split it into several messages.
input-unsupported = I can read only text and buttons. Please write your question in words.
input-stale-button = That button belongs to an older message. Here is the menu again.
input-no-words = I understand words, not numbers or emoji alone. Write your question in words or choose from the menu.
