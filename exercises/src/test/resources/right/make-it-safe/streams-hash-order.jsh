// RIGHT: streams, locks ordered by name's hash then name (any fixed order works), released in the order taken
List<Action> oneGlobalLock(Operation op) {
    return java.util.stream.Stream.of(
            java.util.stream.Stream.of(Action.acquire("G")), op.steps().stream(), java.util.stream.Stream.of(Action.release("G")))
        .flatMap(s -> s)
        .toList();
}

List<Action> perObjectLocks(Operation op) {
    List<String> order =
        op.lockedObjects().stream()
            .sorted(Comparator.comparingInt(String::hashCode).thenComparing(Comparator.naturalOrder()))
            .toList();
    return java.util.stream.Stream.of(
            order.stream().map(Action::acquire),
            op.steps().stream(),
            order.stream().map(Action::release))
        .flatMap(s -> s)
        .toList();
}
