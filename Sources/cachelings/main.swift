print("cachelings")
