package ru.cur.appeals.system;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a component keeps while one transaction runs and forgets with it: kept as a synchronization of the
 * transaction, so that a transaction started inside it, which suspends the outer one's synchronizations, keeps
 * its own.
 */
public final class TransactionState {

  private TransactionState() {}

  /**
   * This transaction's state of type {@code type}, registered with the transaction by {@code created} the first
   * time it is asked for; null outside a transaction, where nothing is kept.
   */
  public static <T extends TransactionSynchronization> T of(Class<T> type, Supplier<T> created) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (type.isInstance(synchronization)) {
        return type.cast(synchronization);
      }
    }
    T state = created.get();
    TransactionSynchronizationManager.registerSynchronization(state);
    return state;
  }
}
