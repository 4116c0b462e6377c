#pragma once

#include <QTest>

// QTEST_GUILESS_MAIN with the environment pinned, so results do not depend on the
// machine's locale or hash seed.
#define QANBAN_TEST_MAIN(TestClass)                                                        \
    int main(int argc, char **argv)                                                        \
    {                                                                                      \
        qputenv("QT_HASH_SEED", "0");                                                      \
        qputenv("LC_ALL", "C.UTF-8");                                                      \
        QCoreApplication app(argc, argv);                                                  \
        TestClass test;                                                                    \
        QTEST_SET_MAIN_SOURCE_PATH                                                         \
        return QTest::qExec(&test, argc, argv);                                            \
    }
