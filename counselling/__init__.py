"""The counsellor queue: cases handed from the assistant to a person, and everything done with them."""
