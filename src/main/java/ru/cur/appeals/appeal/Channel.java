package ru.cur.appeals.appeal;

/** Where an appeal came from (SPEC §2). */
public enum Channel {
  SOCIAL(Regime.INCIDENT, "Социальные сети"),
  POS(Regime.PLATFORM, "Платформа обратной связи"),
  OFFICIAL(Regime.FZ59, "Официальное обращение (59-ФЗ)"),
  GOVERNOR(Regime.FZ59, "Интернет-приёмная губернатора"),
  MUNICIPAL(Regime.FZ59, "Муниципальная приёмная"),
  OPEN311(Regime.PLATFORM, "Open311");

  private final Regime regime;
  private final String title;

  Channel(Regime regime, String title) {
    this.regime = regime;
    this.title = title;
  }

  public Regime regime() {
    return regime;
  }

  public String title() {
    return title;
  }
}
