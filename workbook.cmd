@echo off
rem workbook.cmd: a local Kafka cluster and the lesson's Kafka tools (workbook help). Needs only a JDK 17+ and Maven:
rem the first call builds the launcher into workbook-cli\target\ (delete that folder to rebuild it).
setlocal
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAR=%ROOT%\workbook-cli\target\workbook-cli.jar"
set "CLASSPATH_FILE=%ROOT%\workbook-cli\target\launcher\classpath.txt"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"

if not exist "%JAR%" call :build || exit /b 1
if not exist "%CLASSPATH_FILE%" call :build || exit /b 1
call :run %*
rem 75: a jar of the class path is gone (mvn clean): build and run again.
if "%ERRORLEVEL%"=="75" (
  call :build || exit /b 1
  call :run %*
)
exit /b %ERRORLEVEL%

:run
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "-Dworkbook.root=%ROOT%" -cp "%JAR%" dev.kafkaworkbook.cli.Launcher %*
exit /b %ERRORLEVEL%

:build
echo Building workbook (once; the first time, Maven downloads Kafka)... 1>&2
if not exist "%ROOT%\target" mkdir "%ROOT%\target"
pushd "%ROOT%"
call mvn -B -q -pl workbook-cli -am package -Dmaven.test.skip=true > "%ROOT%\target\workbook-build.log" 2>&1
set "BUILT=%ERRORLEVEL%"
popd
if not "%BUILT%"=="0" (
  type "%ROOT%\target\workbook-build.log" 1>&2
  echo Building workbook failed: the log is above, and in target\workbook-build.log. 1>&2
  exit /b 1
)
exit /b 0
