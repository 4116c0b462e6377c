# qanban: the desktop board. Included from app/CMakeLists.txt.
qt_add_executable(qanban WIN32 main.cpp translationloader.h translationloader.cpp)
qt_add_resources(qanban "qanban_resources" PREFIX "/" BASE ../resources
    FILES ../resources/icons/qanban.svg
          ../resources/icons/status-triage.svg
          ../resources/icons/status-todo.svg
          ../resources/icons/status-ready.svg
          ../resources/icons/status-running.svg
          ../resources/icons/status-blocked.svg
          ../resources/icons/status-done.svg)
target_link_libraries(qanban PRIVATE qanban_views)

# Every file whose tr() texts the board can show. On Qt 6.4 lupdate scans only the
# target's own sources unless SOURCES lists them all, so the libraries are globbed here
# (CONFIGURE_DEPENDS: a new file is picked up at the next build). A new GUI folder goes
# into this list too. tests/i18n runs lupdate over exactly this list.
file(GLOB QANBAN_TRANSLATED_SOURCES CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/views/*.cpp ${PROJECT_SOURCE_DIR}/views/*.h
    ${PROJECT_SOURCE_DIR}/model/*.cpp ${PROJECT_SOURCE_DIR}/model/*.h)
list(APPEND QANBAN_TRANSLATED_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/main.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/translationloader.h
     ${CMAKE_CURRENT_SOURCE_DIR}/translationloader.cpp)
set_property(GLOBAL PROPERTY QANBAN_TRANSLATED_SOURCES ${QANBAN_TRANSLATED_SOURCES})
set(QANBAN_TS_FILES ${PROJECT_SOURCE_DIR}/translations/qanban_de.ts
    ${PROJECT_SOURCE_DIR}/translations/qanban_en.ts)
set_property(GLOBAL PROPERTY QANBAN_TS_FILES ${QANBAN_TS_FILES})
# The .qm files land in the resources as :/i18n/qanban_<lang>.qm. Without locations and
# obsolete entries the .ts files change only when texts do, which keeps merges calm.
qt_add_translations(qanban
    TS_FILES ${QANBAN_TS_FILES}
    SOURCES ${QANBAN_TRANSLATED_SOURCES}
    LUPDATE_OPTIONS -no-obsolete -locations none)

# Both executables and the desktop integration. qanbanctl is defined in
# app/CMakeLists.txt just before this file is included.
install(TARGETS qanban qanbanctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/qanban.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/io.github.qanban.Qanban.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/io.github.qanban.Qanban.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
