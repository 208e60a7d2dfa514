// WRONG: cuts the schedule just before the STORE that frees the object, so the replay never frees it
List<String> crash(InterleavingExplorer explorer) {
    for (Schedule schedule : explorer.explore().schedules(Outcome.PREMATURE_FREE)) {
        if (schedule.freedWhileReferenced()) {
            int freedAt = schedule.freedAtStep().getAsInt();
            return new ArrayList<>(schedule.threadOrder().subList(0, freedAt - 1));
        }
    }
    return List.of();
}
