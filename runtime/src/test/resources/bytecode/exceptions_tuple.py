def either(items, key):
    try:
        return items[key]
    except (KeyError, IndexError) as e:
        return str(e)
