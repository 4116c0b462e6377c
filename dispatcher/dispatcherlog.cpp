#include "dispatcherlog.h"

Q_LOGGING_CATEGORY(lcDispatcher, "qanban.dispatcher")
