# service-runner: Windows Update through PSWindowsUpdate. Generated per run; values below are filled in by the runner.
# Progress goes to the success stream ("[WU] ..." via Write-Output) so the runner streams it line by line; the
# result is one JSON document between the marker lines at the end (never parsed from braces in the log).
$MicrosoftUpdate = __MICROSOFT_UPDATE__
$AcceptAll = __ACCEPT_ALL__
$IgnoreReboot = __IGNORE_REBOOT__

$ErrorActionPreference = 'Continue'
$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch { }

function Log([string]$m) { Write-Output ('[WU] ' + $m) }

$errors = New-Object System.Collections.ArrayList
$warnings = New-Object System.Collections.ArrayList
$meta = [ordered]@{ module_available = $false; module_version = $null; get_command = $null; install_command = $null }
$timings = [ordered]@{ pre_scan_seconds = 0; install_seconds = 0; post_scan_seconds = 0; total_seconds = 0 }
$total = [Diagnostics.Stopwatch]::StartNew()

function Test-Driver($u) {
  try {
    if ($u.Categories) { foreach ($c in $u.Categories) { if ([string]$c.Name -eq 'Drivers') { return $true } } }
    if ([string]$u.Type -eq '2' -or [string]$u.Type -eq 'Driver') { return $true }
  } catch { }
  return $false
}

function ConvertTo-Item($u, [string]$stage) {
  $cat = $null
  try { if ($u.Categories) { $cat = (@($u.Categories) | Select-Object -First 1).Name } } catch { }
  $kb = $null
  try { if ($u.KB) { $kb = [string]$u.KB } elseif ($u.KBArticleIDs) { $kb = 'KB' + (@($u.KBArticleIDs) -join ',KB') } } catch { }
  [ordered]@{
    Stage = $stage
    Title = [string]$u.Title
    KB = $kb
    Size = [string]$u.Size
    Category = [string]$cat
    Result = [string]$u.Result
    Status = [string]$u.Status
    IsDriver = (Test-Driver $u)
  }
}

function Invoke-Scan([string]$stage) {
  $items = New-Object System.Collections.ArrayList
  $splat = @{ ErrorAction = 'Stop' }
  if ($MicrosoftUpdate) { $splat['MicrosoftUpdate'] = $true }
  foreach ($u in @(& $meta.get_command @args)) { if ($u) { [void]$items.Add((ConvertTo-Item $u $stage)) } }
  return ,$items
}

Log 'Preparing PSWindowsUpdate module'
try {
  [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor 3072
  if (-not (Get-Module -ListAvailable -Name PSWindowsUpdate)) {
    Log 'Installing NuGet provider and PSWindowsUpdate from PSGallery'
    Install-PackageProvider -Name NuGet -MinimumVersion 2.8.5.201 -Force -Scope AllUsers -ErrorAction Stop | Out-Null
    Set-PSRepository -Name PSGallery -InstallationPolicy Trusted -ErrorAction SilentlyContinue
    Install-Module -Name PSWindowsUpdate -Force -Scope AllUsers -AllowClobber -ErrorAction Stop
  }
  Import-Module PSWindowsUpdate -Force -ErrorAction Stop
  $mod = Get-Module PSWindowsUpdate
  $meta.module_available = $true
  $meta.module_version = [string]$mod.Version
  $meta.get_command = if (Get-Command Get-WindowsUpdate -ErrorAction SilentlyContinue) { 'Get-WindowsUpdate' } else { 'Get-WUList' }
  $meta.install_command = if (Get-Command Install-WindowsUpdate -ErrorAction SilentlyContinue) { 'Install-WindowsUpdate' } else { 'Get-WUInstall' }
  Log ('PSWindowsUpdate ' + $meta.module_version + ' loaded')
} catch {
  [void]$errors.Add('PSWindowsUpdate unavailable: ' + $_.Exception.Message)
}

$pre = New-Object System.Collections.ArrayList
$inst = New-Object System.Collections.ArrayList
$post = New-Object System.Collections.ArrayList
$reboot = $false

if ($meta.module_available) {
  if ($MicrosoftUpdate) {
    try { Add-WUServiceManager -MicrosoftUpdate -Confirm:$false -ErrorAction Stop | Out-Null }
    catch { [void]$warnings.Add('Add-WUServiceManager: ' + $_.Exception.Message) }
  }
  Log 'Scanning for updates'
  $sw = [Diagnostics.Stopwatch]::StartNew()
  try { $pre = Invoke-Scan 'pre_scan' } catch { [void]$errors.Add('Scan failed: ' + $_.Exception.Message) }
  $timings.pre_scan_seconds = [math]::Round($sw.Elapsed.TotalSeconds, 1)
  Log ('Found ' + $pre.Count + ' updates')

  if ($pre.Count -gt 0) {
    Log 'Installing updates'
    $sw = [Diagnostics.Stopwatch]::StartNew()
    try {
      $splat = @{ AcceptAll = $AcceptAll; IgnoreReboot = $IgnoreReboot; Confirm = $false; ErrorAction = 'Stop' }
      if ($MicrosoftUpdate) { $splat['MicrosoftUpdate'] = $true }
      foreach ($u in @(& $meta.install_command @args)) {
        if ($u) {
          $item = ConvertTo-Item $u 'install'
          [void]$inst.Add($item)
          Log ($item.Result + ': ' + $item.Title)
        }
      }
    } catch { [void]$errors.Add('Install failed: ' + $_.Exception.Message) }
    $timings.install_seconds = [math]::Round($sw.Elapsed.TotalSeconds, 1)

    Log 'Scanning again'
    $sw = [Diagnostics.Stopwatch]::StartNew()
    try { $post = Invoke-Scan 'post_scan' } catch { [void]$warnings.Add('Post-scan failed: ' + $_.Exception.Message) }
    $timings.post_scan_seconds = [math]::Round($sw.Elapsed.TotalSeconds, 1)
  }

  try { $reboot = [bool](Get-WURebootStatus -Silent -ErrorAction Stop) }
  catch {
    $reboot = (Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired') -or
      [bool](Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' -Name PendingFileRenameOperations -ErrorAction SilentlyContinue)
  }
  if ($reboot) { Log 'A restart is required to finish installing updates' }
}

$timings.total_seconds = [math]::Round($total.Elapsed.TotalSeconds, 1)
$result = [ordered]@{
  errors = @($errors)
  warnings = @($warnings)
  meta = $meta
  pre_scan = [ordered]@{ items = @($pre) }
  install = [ordered]@{ items = @($inst) }
  post_scan = [ordered]@{ items = @($post) }
  reboot_required = [bool]$reboot
  timings = $timings
}
Write-Output '<<<SR-WU-JSON-BEGIN>>>'
Write-Output ($result | ConvertTo-Json -Depth 8 -Compress)
Write-Output '<<<SR-WU-JSON-END>>>'
