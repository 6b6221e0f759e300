# When the assistant does not understand.
fallback-not-understood = Promiňte, tomu nerozumím. Vyberte téma níže nebo to zkuste napsat jinými slovy.
