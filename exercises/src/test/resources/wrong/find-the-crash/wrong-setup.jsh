// WRONG: finds a minimal crash, but of a setup of its own (the lesson's example), not of the explorer it was given
List<String> crash(InterleavingExplorer given) {
    InterleavingExplorer explorer =
        InterleavingExplorer.builder()
            .thread("T1", RefOp.INCREF)
            .thread("T2", RefOp.DECREF)
            .build();
    for (Schedule schedule : explorer.explore().schedules(Outcome.PREMATURE_FREE)) {
        if (!schedule.freedWhileReferenced()) {
            continue;
        }
        List<String> order =
            new ArrayList<>(schedule.threadOrder().subList(0, schedule.freedAtStep().getAsInt()));
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (int i = 0; i < order.size(); i++) {
                List<String> shorter = new ArrayList<>(order);
                shorter.remove(i);
                if (explorer.replay(shorter).prematureFree()) {
                    order = shorter;
                    dropped = true;
                    break;
                }
            }
        }
        return order;
    }
    return List.of();
}
