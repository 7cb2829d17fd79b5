# WIA scan helper for One-Stop Counter (Windows 10/11). Uses the WIA Automation COM library
# (WIA.DeviceManager, built into Windows) so there is nothing to compile or install.
# Output: one JSON object per line on stdout (see README.md). Never prompts.
param(
  [switch]$List,
  [switch]$Scan,
  [string]$DeviceId,
  [ValidateSet('flatbed', 'feeder', 'duplex')][string]$Source = 'feeder',
  [int]$Dpi = 300,
  [ValidateSet('color', 'gray', 'bw')][string]$Color = 'color',
  [string]$OutDir = $env:TEMP
)
$ErrorActionPreference = 'Stop'
function Emit($o) { [Console]::Out.WriteLine(($o | ConvertTo-Json -Compress)) }

# WIA property ids (wiadef.h)
$DOCUMENT_HANDLING_CAPABILITIES = 3086; $DOCUMENT_HANDLING_SELECT = 3088; $PAGES = 3096
$HORIZONTAL_RES = 6147; $VERTICAL_RES = 6148; $CURRENT_INTENT = 6146
$FEEDER = 1; $FLATBED = 2; $DUPLEX = 4
$FORMAT_PNG = '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}'

function Set-Prop($props, $id, $value) { foreach ($p in $props) { if ($p.PropertyID -eq $id) { $p.Value = $value; return } } }
function Get-Prop($props, $id) { foreach ($p in $props) { if ($p.PropertyID -eq $id) { return $p.Value } }; return 0 }

$dm = New-Object -ComObject WIA.DeviceManager
if ($List) {
  foreach ($info in $dm.DeviceInfos) {
    if ($info.Type -ne 1) { continue } # ScannerDeviceType
    $dev = $info.Connect()
    $caps = Get-Prop $dev.Properties $DOCUMENT_HANDLING_CAPABILITIES
    Emit @{ type = 'device'; id = $info.DeviceID; name = (Get-Prop $info.Properties 7); feeder = [bool]($caps -band $FEEDER); duplex = [bool]($caps -band $DUPLEX) }
  }
  Emit @{ type = 'done' }
  exit 0
}
if ($Scan) {
  $info = $dm.DeviceInfos | Where-Object { $_.DeviceID -eq $DeviceId } | Select-Object -First 1
  if (-not $info) { Emit @{ type = 'error'; hresult = '0x80210015' }; exit 1 }
  $dev = $info.Connect()
  $handling = switch ($Source) { 'flatbed' { $FLATBED } 'feeder' { $FEEDER } 'duplex' { $FEEDER + $DUPLEX } }
  Set-Prop $dev.Properties $DOCUMENT_HANDLING_SELECT $handling
  Set-Prop $dev.Properties $PAGES 1
  $item = $dev.Items.Item(1)
  Set-Prop $item.Properties $HORIZONTAL_RES $Dpi
  Set-Prop $item.Properties $VERTICAL_RES $Dpi
  Set-Prop $item.Properties $CURRENT_INTENT (@{ color = 1; gray = 2; bw = 4 }[$Color])
  $n = 0
  while ($true) {
    try { $img = $item.Transfer($FORMAT_PNG) }
    catch {
      $hr = '0x{0:x8}' -f $_.Exception.HResult
      Emit @{ type = 'error'; hresult = $hr }
      break
    }
    $n++
    $path = Join-Path $OutDir ('page-{0:D4}.png' -f $n)
    $img.SaveFile($path)
    Emit @{ type = 'page'; path = $path }
    if ($Source -eq 'flatbed') { break }
  }
  Emit @{ type = 'done' }
  exit 0
}
Write-Error 'usage: wia-scan.ps1 -List | -Scan -DeviceId ID [-Source flatbed|feeder|duplex] [-Dpi 300] [-Color color|gray|bw] [-OutDir DIR]'
