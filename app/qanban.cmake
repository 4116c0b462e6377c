# qanban: the desktop board. Included from app/CMakeLists.txt.
qt_add_executable(qanban WIN32 main.cpp)
qt_add_resources(qanban "qanban_resources" PREFIX "/" BASE ../resources
    FILES ../resources/icons/qanban.svg)
target_link_libraries(qanban PRIVATE qanban_views)
