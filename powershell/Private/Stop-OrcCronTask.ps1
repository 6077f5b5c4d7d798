function Stop-OrcCronTask {
    <#
    .SYNOPSIS
        Stops the running orc-exec of a task with SIGTERM; orc-exec kills its command's tree and records STOPPED.
    .DESCRIPTION
        Reads '<store>/locks/<name>.lock.holder' ("<pid> <runId>", written by the orc-exec that
        holds the task's lock). orc-exec leaves the file behind when it ends, so the PID is only
        signalled when that process is still an orc-exec running this task ('ps' shows its command
        line). Returns $true when a signal was sent, $false when the task was not running.
    .PARAMETER Name
        The task name.
    .PARAMETER StoreHome
        The store folder.
    .EXAMPLE
        Stop-OrcCronTask -Name hello -StoreHome /var/lib/orchestrator
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')]
        [string] $Name,

        [Parameter(Mandatory)]
        [string] $StoreHome
    )

    $holder = Join-Path (Join-Path $StoreHome 'locks') "$Name.lock.holder"
    if (-not (Test-Path -LiteralPath $holder -PathType Leaf)) {
        Write-Verbose "Task '$Name' is not running (no $holder)."
        return $false
    }
    $fields = @(("$(Get-Content -LiteralPath $holder -Raw)").Trim() -split '\s+')
    $processId = 0
    if (-not [int]::TryParse($fields[0], [ref]$processId) -or $processId -le 1) {
        Write-Verbose "Task '$Name': $holder does not name a process."
        return $false
    }
    $saved = if (Test-Path variable:global:LASTEXITCODE) { $global:LASTEXITCODE } else { 0 }
    try {
        $commandLine = "$(& ps -o args= -p $processId 2>$null)"
        if ($LASTEXITCODE -ne 0 -or $commandLine -notmatch "\brun\s+$([regex]::Escape($Name))(\s|$)") {
            Write-Verbose "Task '$Name' is not running (process $processId is gone or is not its orc-exec)."
            return $false
        }
        & kill -s TERM $processId 2>$null
        if ($LASTEXITCODE -ne 0) {
            throw (New-OrcErrorRecord -ErrorId 'Orc.StopFailed' -Category PermissionDenied -TargetObject $Name -Message (
                    "Could not send SIGTERM to orc-exec (PID $processId) of task '$Name'. Run as the user the task runs as, or as root."))
        }
        Write-Verbose "Sent SIGTERM to orc-exec (PID $processId, run $($fields[1..($fields.Count - 1)] -join ' ')) of task '$Name'."
        return $true
    }
    finally {
        $global:LASTEXITCODE = $saved
    }
}
