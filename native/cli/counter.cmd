@echo off
rem counter: the command-line tool of the One-Stop Counter app, for IT staff.
rem It runs the app binary itself with --cli (RunAsNode stays off); the exit code is the CLI's.
rem Keep this file ASCII: cmd.exe reads a batch file in the OEM code page.
setlocal
"%~dp0..\QuayMotCua.exe" --cli %*
exit /b %ERRORLEVEL%
