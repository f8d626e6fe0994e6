print("strategos")
