// WRONG: shrinks a schedule that loses a DECREF: the count ends too high, a leak, and nothing is freed
List<String> crash(InterleavingExplorer explorer) {
    List<Schedule> leaks = explorer.explore().schedules(Outcome.LEAK);
    if (leaks.isEmpty()) {
        return List.of();
    }
    List<String> order = new ArrayList<>(leaks.get(0).threadOrder());
    boolean dropped = true;
    while (dropped) {
        dropped = false;
        for (int i = 0; i < order.size(); i++) {
            List<String> shorter = new ArrayList<>(order);
            shorter.remove(i);
            Replay replay = explorer.replay(shorter);
            if (!replay.lostUpdates().isEmpty() && replay.refcount() > replay.referencesHeld()) {
                order = shorter;
                dropped = true;
                break;
            }
        }
    }
    return order;
}
