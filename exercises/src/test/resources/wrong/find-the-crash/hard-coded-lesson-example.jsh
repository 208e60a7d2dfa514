// WRONG: hard-codes the crash of one setup (T1 INCREF, T2 DECREF, count 1), whatever the explorer's threads
List<String> crash(InterleavingExplorer explorer) {
    return List.of("T2", "T1", "T1", "T1", "T2", "T2");
}
