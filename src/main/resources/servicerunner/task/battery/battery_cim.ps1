# service-runner: the battery's live state for battery_health_report (powercfg /batteryreport has only
# capacities). One PowerShell run reads the CIM classes below and prints them as one JSON document between the
# marker lines; the runner converts units and merges them with the powercfg report. Nothing is changed.
#   root/cimv2 Win32_Battery: EstimatedChargeRemaining (%), EstimatedRunTime (min; 71582788 = unknown/on AC),
#     BatteryStatus (1 discharging, 2 on AC, 3 full, 6-9 charging, ...)
#   root/wmi BatteryStatus: RemainingCapacity (mWh), Voltage (mV), ChargeRate/DischargeRate (mW), flags
#   root/wmi BatteryFullChargedCapacity, BatteryStaticData (mWh, names), BatteryCycleCount,
#     BatteryTemperature (tenths of a kelvin), BatteryRuntime (s)
# A class the firmware does not implement is an empty list, never an error.
$ErrorActionPreference = 'SilentlyContinue'
$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch { }

function Read-Class([string]$namespace, [string]$class, [string[]]$properties) {
  $rows = @(Get-CimInstance -Namespace $namespace -ClassName $class -ErrorAction SilentlyContinue)
  if ($rows.Count -eq 0 -and $namespace -eq 'root/wmi') {
    # some firmware answers BatteryStaticData only through the older WMI cmdlets
    $rows = @(Get-WmiObject -Namespace 'root\wmi' -Class $class -ErrorAction SilentlyContinue)
  }
  # the comma keeps a one- or zero-element list a JSON array (a function's output is otherwise unrolled)
  return ,@($rows | Select-Object -Property $properties)
}

$result = [ordered]@{
  Win32_Battery = Read-Class 'root/cimv2' 'Win32_Battery' @('DeviceID', 'Name', 'BatteryStatus',
    'EstimatedChargeRemaining', 'EstimatedRunTime', 'TimeToFullCharge', 'Chemistry', 'DesignVoltage', 'Status')
  BatteryStatus = Read-Class 'root/wmi' 'BatteryStatus' @('InstanceName', 'Active', 'PowerOnline', 'Charging',
    'Discharging', 'Critical', 'RemainingCapacity', 'ChargeRate', 'DischargeRate', 'Voltage')
  BatteryFullChargedCapacity = Read-Class 'root/wmi' 'BatteryFullChargedCapacity' @('InstanceName',
    'FullChargedCapacity')
  BatteryStaticData = Read-Class 'root/wmi' 'BatteryStaticData' @('InstanceName', 'ManufactureName', 'DeviceName',
    'SerialNumber', 'Chemistry', 'DesignedCapacity', 'Capabilities')
  BatteryCycleCount = Read-Class 'root/wmi' 'BatteryCycleCount' @('InstanceName', 'CycleCount')
  BatteryTemperature = Read-Class 'root/wmi' 'BatteryTemperature' @('InstanceName', 'Temperature')
  BatteryRuntime = Read-Class 'root/wmi' 'BatteryRuntime' @('InstanceName', 'EstimatedRuntime')
}

Write-Output 'SR-BATTERY-JSON-BEGIN'
Write-Output ($result | ConvertTo-Json -Depth 4 -Compress)
Write-Output 'SR-BATTERY-JSON-END'
