// WRONG: returns explore().firstLosing() whole: it may be a leak, and it is not minimal
List<String> crash(InterleavingExplorer explorer) {
    return explorer.explore().firstLosing().orElseThrow().threadOrder();
}
