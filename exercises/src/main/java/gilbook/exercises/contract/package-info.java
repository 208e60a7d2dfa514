/**
 * The contracts: one small interface per exercise, naming the methods the learner's file must
 * define. The harness binds the file's top-level methods to the contract, and the checks call the
 * learner's code only through it.
 */
package gilbook.exercises.contract;
