// RIGHT: samples schedules instead of exploring them all, and drops steps from the end first, with streams
List<String> crash(InterleavingExplorer explorer) {
    Schedule crash =
        explorer.sample(7, 5_000).schedules(Outcome.PREMATURE_FREE).stream()
            .filter(Schedule::freedWhileReferenced)
            .findFirst()
            .orElseThrow();
    List<String> order = new ArrayList<>(crash.threadOrder());
    for (int i = order.size() - 1; i >= 0; i--) {
        List<String> shorter = new ArrayList<>(order);
        shorter.remove(i);
        if (explorer.replay(shorter).prematureFree()) {
            order = shorter;
            i = order.size();
        }
    }
    return order;
}
