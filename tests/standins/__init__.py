"""Local stand-ins for platform APIs, over real HTTP, following the platforms' documented shapes."""
