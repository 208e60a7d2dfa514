package gilbook.exercises.contract;

/** Chapter 1, "Predict getrefcount": what CPython 3.11 prints for each snippet, in order. */
public interface PredictRefcount {
  long[] predictions();
}
