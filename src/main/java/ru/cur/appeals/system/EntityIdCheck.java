package ru.cur.appeals.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's check of a new row's id, without writing the row out first. Camunda 7.24 checks every entity it
 * inserts with {@code ensureValidIndividualResourceId("Entity " + entity + " has an invalid id", id)}: the
 * message is built, the entity's whole {@code toString} with it, before the id is looked at — for every
 * execution, task, variable and history row the engine writes. It was 7 % of an appeal's intake on the request
 * threads (JFR, bench/README.md). Here the message is built only for the id that fails, with the same check
 * and the same exception.
 */
@Component
public class EntityIdCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    // Custom session factories replace the engine's own of the same session type.
    configuration.getCustomSessionFactories().add(new Factory(configuration));
  }

  private static final class Factory extends DbEntityManagerFactory {

    private final ProcessEngineConfigurationImpl configuration;

    Factory(ProcessEngineConfigurationImpl configuration) {
      super(null);
      this.configuration = configuration;
    }

    @Override
    public DbEntityManager openSession() {
      return new CheckingLate(configuration, Context.getCommandContext().getSession(PersistenceSession.class));
    }
  }

  static final class CheckingLate extends DbEntityManager {

    CheckingLate(ProcessEngineConfigurationImpl configuration, PersistenceSession persistence) {
      super(configuration.getIdGenerator(), persistence);
    }

    @Override
    protected void validateId(DbEntity entity) {
      String id = entity.getId();
      if (id == null || "*".equals(id)) {
        super.validateId(entity);
      }
    }
  }
}
