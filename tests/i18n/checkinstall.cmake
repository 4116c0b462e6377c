# cmake -DBUILD_DIR=... -DPREFIX=... -P checkinstall.cmake
# Installs the build into a scratch prefix and checks the desktop integration lands where
# desktops look for it; validates the desktop file and metainfo when the tools exist.
foreach(var BUILD_DIR PREFIX)
    if(NOT ${var})
        message(FATAL_ERROR "checkinstall: ${var} is required")
    endif()
endforeach()
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${result}")
endif()

set(id io.github.qanban.Qanban)
set(expected
    bin/qanban
    bin/qanbanctl
    share/applications/${id}.desktop
    share/metainfo/${id}.metainfo.xml
    share/icons/hicolor/scalable/apps/qanban.svg)
set(missing "")
foreach(file IN LISTS expected)
    if(NOT EXISTS "${PREFIX}/${file}")
        list(APPEND missing ${file})
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "not installed: ${missing}")
endif()
# The installed qanbanctl must run (RPATH and all); qanban needs a display, so it is not.
execute_process(COMMAND "${PREFIX}/bin/qanbanctl" --help RESULT_VARIABLE result
                OUTPUT_QUIET ERROR_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the installed qanbanctl does not run: ${result}")
endif()
# The keychain module is installed, and the installed qanbanctl loads that one (not the
# build tree's) for a secret verb.
file(GLOB_RECURSE keychainModule "${PREFIX}/*/qanban-keychain.so")
if(NOT keychainModule)
    message(FATAL_ERROR "not installed: the keychain module qanban-keychain.so")
endif()
set(home "${PREFIX}/check-home")
execute_process(COMMAND "${PREFIX}/bin/qanbanctl" --home "${home}" profile add bot
                        --program /bin/true
                RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
execute_process(COMMAND "${CMAKE_COMMAND}" -E env LD_DEBUG=files
                        "${PREFIX}/bin/qanbanctl" --home "${home}" profile secret remove bot TOKEN
                OUTPUT_QUIET ERROR_VARIABLE loaded)
string(FIND "${loaded}" "${keychainModule}" at)
if(at EQUAL -1)
    message(FATAL_ERROR "the installed qanbanctl did not load ${keychainModule}")
endif()

find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
    execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}"
                            "${PREFIX}/share/applications/${id}.desktop"
                    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT result EQUAL 0 OR out)
        message(FATAL_ERROR "desktop-file-validate: ${out}")
    endif()
else()
    message(STATUS "desktop-file-validate not found (desktop-file-utils): not validated")
endif()
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
    execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net
                            "${PREFIX}/share/metainfo/${id}.metainfo.xml"
                    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "appstreamcli validate: ${out}")
    endif()
else()
    message(STATUS "appstreamcli not found (appstream): not validated")
endif()
message(STATUS "installed and valid: ${expected}")
file(REMOVE_RECURSE "${PREFIX}")
