"""Understanding clients: language identification, intent classification, entities and the policy."""
