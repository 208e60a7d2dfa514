// WRONG: takes any count of 0 for the crash, also one reached when no reference is held (a correct free)
List<String> crash(InterleavingExplorer explorer) {
    for (Schedule schedule : explorer.explore().schedules()) {
        if (schedule.freedAtStep().isPresent()) {
            List<String> order =
                new ArrayList<>(schedule.threadOrder().subList(0, schedule.freedAtStep().getAsInt()));
            boolean dropped = true;
            while (dropped) {
                dropped = false;
                for (int i = 0; i < order.size(); i++) {
                    List<String> shorter = new ArrayList<>(order);
                    shorter.remove(i);
                    if (explorer.replay(shorter).freedAtStep().isPresent()) {
                        order = shorter;
                        dropped = true;
                        break;
                    }
                }
            }
            return order;
        }
    }
    return List.of();
}
