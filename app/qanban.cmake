# qanban: the desktop board. Included from app/CMakeLists.txt.
qt_add_executable(qanban WIN32 main.cpp translationloader.h translationloader.cpp
    keychainprofiledirectory.h keychainprofiledirectory.cpp
    dispatcherhost.h dispatcherhost.cpp)
qt_add_resources(qanban "qanban_resources" PREFIX "/" BASE ../resources
    FILES ../resources/icons/qanban.svg
          ../resources/icons/status-triage.svg
          ../resources/icons/status-todo.svg
          ../resources/icons/status-ready.svg
          ../resources/icons/status-running.svg
          ../resources/icons/status-blocked.svg
          ../resources/icons/status-done.svg)
target_link_libraries(qanban PRIVATE qanban_views qanban_dispatcher)

# Every file whose tr() texts the board can show. On Qt 6.4 lupdate scans only the
# target's own sources unless SOURCES lists them all, so the libraries are globbed here
# (CONFIGURE_DEPENDS: a new file is picked up at the next build), and the executable's
# own files are taken from the target (qanbanctl's, next door, stay English on purpose).
# A new GUI folder goes into the glob too. tests/i18n runs lupdate over exactly this list.
file(GLOB QANBAN_TRANSLATED_SOURCES CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/views/*.cpp ${PROJECT_SOURCE_DIR}/views/*.h
    ${PROJECT_SOURCE_DIR}/model/*.cpp ${PROJECT_SOURCE_DIR}/model/*.h)
get_target_property(qanban_own_sources qanban SOURCES)
foreach(source IN LISTS qanban_own_sources)
    # Skips the generated resource files qt_add_resources has added to the target.
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR} NORMALIZE)
    cmake_path(IS_PREFIX CMAKE_CURRENT_SOURCE_DIR "${source}" NORMALIZE in_app_folder)
    if(in_app_folder AND source MATCHES "\\.(cpp|h)$")
        list(APPEND QANBAN_TRANSLATED_SOURCES ${source})
    endif()
endforeach()
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
