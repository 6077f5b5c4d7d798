<#
.SYNOPSIS
    Example: syncs one folder of task definitions to several hosts with Invoke-Command and returns every host's per-task results.
.DESCRIPTION
    Reads the definitions (*.json) from -Path on this machine and sends their text to each host of
    -ComputerName (PowerShell remoting over WinRM, in parallel up to -ThrottleLimit). On each host
    the same script block writes them to a private temporary folder, runs
    Sync-OrcTask -PassThru on it and removes the folder. Each result is an
    Orchestrator.SyncResult (Name, Action, Reason, Path) tagged with PSComputerName, so the whole
    fleet is one table: ... | Sort-Object PSComputerName, Name | Format-Table PSComputerName, Name, Action, Reason.
    A host that cannot be reached, or that has no Orchestrator module, gives one row with Action
    Failed and the reason instead of stopping the others.
    Without -ComputerName the same script block runs here (PSComputerName is this machine's name).
    -WhatIf runs Sync-OrcTask -WhatIf on every host: the results say what would change, nothing is written.
    Each host needs the Orchestrator module installed (Install.ps1 of the Intune package, or a copy
    under %ProgramFiles%\WindowsPowerShell\Modules) and remoting enabled; run elevated there (an
    administrator's remote session is).
.PARAMETER Path
    A local folder of definitions (<task>.json), for example one written by Export-OrcTask -Path.
.PARAMETER ComputerName
    The hosts; none means this machine, without remoting.
.PARAMETER Credential
    Credentials for the remote sessions; default the current user's.
.PARAMETER Prune
    Also remove each host's Orchestrator tasks that have no definition in -Path.
.PARAMETER ThrottleLimit
    At most this many hosts at once (Invoke-Command's -ThrottleLimit).
.EXAMPLE
    ./scripts/examples/Sync-Fleet.ps1 -Path \\files\orc\web -ComputerName web1, web2, web3 -Prune -WhatIf |
        Where-Object Action -ne 'Unchanged' | Format-Table PSComputerName, Name, Action, Reason

    Shows, per host, what a full sync would add, update and remove.
.EXAMPLE
    $results = ./scripts/examples/Sync-Fleet.ps1 -Path .\tasks -ComputerName (Get-Content .\web-hosts.txt)
    if ($results | Where-Object Action -eq 'Failed') { exit 1 }

    Deploys the folder to every host listed; the script fails when any task on any host failed.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Path,

    [string[]] $ComputerName,

    [System.Management.Automation.PSCredential] $Credential,

    [switch] $Prune,

    [ValidateRange(1, 1000)] [int] $ThrottleLimit = 32
)

$ErrorActionPreference = 'Stop'

# Runs on each host. Self-contained: remoting sends only this block and its arguments.
$syncBlock = {
    param([hashtable] $Definitions, [bool] $Prune, [bool] $WhatIf)
    $ErrorActionPreference = 'Stop'
    if (-not (Get-Module -Name Orchestrator)) { Import-Module -Name Orchestrator }
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-fleet-' + [guid]::NewGuid().ToString('N'))
    # The temporary folder is ours, not a change to the host: made even under -WhatIf.
    $null = New-Item -ItemType Directory -Path $folder -WhatIf:$false
    try {
        $utf8 = New-Object System.Text.UTF8Encoding $false
        foreach ($file in $Definitions.Keys) {
            [System.IO.File]::WriteAllText((Join-Path $folder $file), $Definitions[$file], $utf8)
        }
        # Failed tasks are in the results; the summary error (Orc.SyncFailed) would only repeat them.
        Sync-OrcTask -Path $folder -Prune:$Prune -PassThru -WhatIf:$WhatIf -Confirm:$false -ErrorAction SilentlyContinue |
            Select-Object -Property Name, Action, Reason, @{ Name = 'Path'; Expression = { Split-Path -Leaf $_.Path } }
    }
    finally {
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue -WhatIf:$false
    }
}

$files = @(Get-ChildItem -Path $Path -Filter '*.json' -File)
if ($files.Count -eq 0) {
    throw "-Path '$Path' holds no definitions (*.json). Export-OrcTask -Path <folder> writes one file per task."
}
$definitions = @{}
foreach ($file in $files) { $definitions[$file.Name] = [System.IO.File]::ReadAllText($file.FullName) }

$whatIf = [bool]$WhatIfPreference
$targets = @($ComputerName | Where-Object { $_ })
if ($targets.Count -eq 0) { $targets = @([System.Environment]::MachineName) }
$chosen = @(foreach ($target in $targets) {
        # -WhatIf still runs everywhere (read-only there); -Confirm picks the hosts.
        if ($whatIf -or $PSCmdlet.ShouldProcess($target, "Sync $($files.Count) Orchestrator task definition(s)")) { $target }
    })
if ($chosen.Count -eq 0) { return }

function ConvertTo-FailedRow([string] $Computer, [string] $Reason) {
    [pscustomobject]@{ PSComputerName = $Computer; Name = $null; Action = 'Failed'; Reason = $Reason; Path = $null }
}

if (-not $ComputerName) {
    try {
        $here = $chosen[0]
        Invoke-Command -ScriptBlock $syncBlock -ArgumentList $definitions, $Prune.IsPresent, $whatIf | ForEach-Object {
            [pscustomobject]@{ PSComputerName = $here; Name = $_.Name; Action = $_.Action; Reason = $_.Reason; Path = $_.Path }
        }
    }
    catch {
        ConvertTo-FailedRow -Computer $chosen[0] -Reason $_.Exception.Message
    }
    return
}

$remote = @{ ComputerName = $chosen; ScriptBlock = $syncBlock; ArgumentList = @($definitions, $Prune.IsPresent, $whatIf); ThrottleLimit = $ThrottleLimit }
if ($Credential) { $remote['Credential'] = $Credential }
$failures = $null
Invoke-Command @remote -ErrorAction SilentlyContinue -ErrorVariable failures |
    Select-Object -Property PSComputerName, Name, Action, Reason, Path
# One row per host that could not be reached or threw, so the table covers the whole fleet.
foreach ($failure in @($failures)) {
    $computer = $null
    if ($failure.PSObject.Properties['OriginInfo'] -and $failure.OriginInfo) { $computer = $failure.OriginInfo.PSComputerName }
    if (-not $computer) { $computer = [string]$failure.TargetObject }
    ConvertTo-FailedRow -Computer $computer -Reason $failure.Exception.Message
}
