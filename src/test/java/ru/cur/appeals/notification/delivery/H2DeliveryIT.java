package ru.cur.appeals.notification.delivery;

import ru.cur.appeals.OnH2;

@OnH2
class H2DeliveryIT extends DeliveryScenarios {}
