// RIGHT: tries every order of one step, then of two, and so on; the first that crashes is the shortest, so none of its steps can go
List<String> search(InterleavingExplorer explorer, List<String> prefix, int length) {
    if (prefix.size() == length) {
        return explorer.replay(prefix).prematureFree() ? new ArrayList<>(prefix) : null;
    }
    for (String name : explorer.threadNames()) {
        long used = prefix.stream().filter(name::equals).count();
        if (used < explorer.stepsOf(name)) {
            prefix.add(name);
            List<String> found = search(explorer, prefix, length);
            prefix.remove(prefix.size() - 1);
            if (found != null) {
                return found;
            }
        }
    }
    return null;
}

List<String> crash(InterleavingExplorer explorer) {
    int total = 0;
    for (String name : explorer.threadNames()) {
        total += explorer.stepsOf(name);
    }
    for (int length = 1; length <= total; length++) {
        List<String> found = search(explorer, new ArrayList<>(), length);
        if (found != null) {
            return found;
        }
    }
    return List.of();
}
