#include "logging.h"

Q_LOGGING_CATEGORY(lcModel, "qanban.model", QtWarningMsg)
