// WRONG: returns a whole schedule that frees the object early, with the steps the crash does not need
List<String> crash(InterleavingExplorer explorer) {
    for (Schedule schedule : explorer.explore().schedules(Outcome.PREMATURE_FREE)) {
        if (schedule.freedWhileReferenced()) {
            return schedule.threadOrder();
        }
    }
    return List.of();
}
