# service-runner: Windows Update error events. Generated per run; values below are filled in by the runner
# (MaxErrors is validated as an integer 1..1000 before it gets here). The result is one JSON document between the
# marker lines; the runner groups the error codes.
$TimeFrame = '__TIME_FRAME__'
$MaxErrors = __MAX_ERRORS__

$ErrorActionPreference = 'Continue'
$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch { }

switch ($TimeFrame) {
  'today' { $start = (Get-Date).Date }
  'week'  { $start = (Get-Date).AddDays(-7) }
  'month' { $start = (Get-Date).AddDays(-30) }
  default { $start = [datetime]::MinValue }
}

$events = New-Object System.Collections.ArrayList
$queryErrors = New-Object System.Collections.ArrayList

function Add-Events($filter, [string]$label) {
  try {
    $found = @(Get-WinEvent -FilterHashtable $filter -MaxEvents $MaxErrors -ErrorAction Stop)
    Write-Output ('[WULOG] ' + $label + ': ' + $found.Count + ' events')
    foreach ($e in $found) {
      [void]$events.Add([ordered]@{
        time = $e.TimeCreated.ToString('o')
        id = $e.Id
        level = [string]$e.LevelDisplayName
        log = [string]$e.LogName
        provider = [string]$e.ProviderName
        message = [string]$e.Message
      })
    }
  } catch {
    # Get-WinEvent throws when nothing matches; that is an empty result, not a failure.
    if ($_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*') {
      [void]$queryErrors.Add($label + ': ' + $_.Exception.Message)
    } else {
      Write-Output ('[WULOG] ' + $label + ': 0 events')
    }
  }
}

Write-Output ('[WULOG] Reading Windows Update events since ' + $start.ToString('yyyy-MM-dd HH:mm'))
Add-Events @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WindowsUpdateClient'; Level = 2, 3; StartTime = $start } 'System log'
Add-Events @{ LogName = 'Microsoft-Windows-WindowsUpdateClient/Operational'; Level = 1, 2, 3; StartTime = $start } 'Operational log'

$result = [ordered]@{
  time_frame = $TimeFrame
  start_time = $start.ToString('o')
  events = @($events)
  query_errors = @($queryErrors)
}
Write-Output '<<<SR-WULOG-JSON-BEGIN>>>'
Write-Output ($result | ConvertTo-Json -Depth 5 -Compress)
Write-Output '<<<SR-WULOG-JSON-END>>>'
