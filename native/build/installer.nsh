; Included by electron-builder's NSIS script (build.nsis.include). Per-machine install, run elevated.
!macro customInstall
  ; One data folder per PC (store, outbox, settings), shared by every Windows account: officers
  ; sign in inside the app. BUILTIN\Users (SID S-1-5-32-545, any display language) may modify it.
  ReadEnvStr $0 ProgramData
  StrCmp $0 "" 0 +2
    StrCpy $0 "C:\ProgramData"
  CreateDirectory "$0\QuayMotCua"
  nsExec::ExecToLog 'icacls "$0\QuayMotCua" /grant *S-1-5-32-545:(OI)(CI)M /Q'
  Pop $1
!macroend

!macro customUnInstall
  ; The data folder stays: dossiers must survive an uninstall or a reinstall (see README, For IT).
!macroend
