// Chapter 2 · Find the crash (solution)
//
// Take a schedule that frees the object while a reference is held, cut it
// where the free happens (the later steps are not needed to show it), then
// drop steps one at a time for as long as the replay still crashes. When no
// single step can go, the order is minimal.

List<String> shrink(InterleavingExplorer explorer, List<String> order) {
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

List<String> crash(InterleavingExplorer explorer) {
    for (Schedule schedule : explorer.explore().schedules(Outcome.PREMATURE_FREE)) {
        // An order that ends too low without a free yet is no crash to show.
        if (!schedule.freedWhileReferenced()) {
            continue;
        }
        int freedAt = schedule.freedAtStep().getAsInt();
        List<String> order = new ArrayList<>(schedule.threadOrder().subList(0, freedAt));
        return shrink(explorer, order);
    }
    return List.of();
}
