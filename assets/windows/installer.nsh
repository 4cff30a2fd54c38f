; The installed command line on the user's PATH: the installer adds the folder of
; resources\cli\cognito-desktop.exe to the user's Path (HKCU, no administrator needed), once; the
; uninstaller takes it out again. New terminals see it.
!include "StrFunc.nsh"
${StrStr}
${UnStrStr}
${UnStrRep}

!define CLI_DIR "$INSTDIR\resources\cli"

!macro customInstall
  ReadRegStr $0 HKCU "Environment" "Path"
  ${StrStr} $1 "$0;" "${CLI_DIR};"
  StrCmp $1 "" 0 cli_path_done
    StrCmp $0 "" 0 +3
      WriteRegExpandStr HKCU "Environment" "Path" "${CLI_DIR}"
      Goto cli_path_broadcast
    WriteRegExpandStr HKCU "Environment" "Path" "$0;${CLI_DIR}"
  cli_path_broadcast:
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  cli_path_done:
!macroend

!macro customUnInstall
  ReadRegStr $0 HKCU "Environment" "Path"
  ${UnStrRep} $1 "$0" ";${CLI_DIR}" ""
  ${UnStrRep} $1 "$1" "${CLI_DIR};" ""
  ${UnStrRep} $1 "$1" "${CLI_DIR}" ""
  WriteRegExpandStr HKCU "Environment" "Path" "$1"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend
