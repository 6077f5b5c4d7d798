function Invoke-OrcEventLogSourceRemoval {
    <#
    .SYNOPSIS
        Removes the Event Log source with 'orc-exec eventlog remove' when that orc-exec has the command.
    .DESCRIPTION
        Older orc-exec builds have no 'eventlog' command: then nothing is done and $false is
        returned, so the caller can try another orc-exec. $true means the command ran and succeeded
        (including "there was no source"). A failure is thrown with the ID Orc.UninstallFailed.
    .PARAMETER ExecutablePath
        The orc-exec to ask.
    .PARAMETER Check
        Only tell whether this orc-exec has the command; remove nothing.
    .EXAMPLE
        Invoke-OrcEventLogSourceRemoval -ExecutablePath (Get-OrcExecutablePath)
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $ExecutablePath,

        [switch] $Check
    )

    $saved = $null
    if (Test-Path -LiteralPath 'variable:global:LASTEXITCODE') { $saved = @($global:LASTEXITCODE) }
    $ErrorActionPreference = 'Continue'
    try {
        $commands = @(& $ExecutablePath 'help' 2>$null)
        $supported = @($commands | Where-Object { "$_" -match '^\s+eventlog\s' }).Count -gt 0
        if (-not $supported) {
            Write-Verbose "'$ExecutablePath' has no eventlog command: no Event Log source to remove."
            return $false
        }
        if ($Check) { return $true }
        $output = @(& $ExecutablePath 'eventlog' 'remove' 2>&1)
        if ($LASTEXITCODE -ne 0) {
            throw (New-OrcErrorRecord -ErrorId 'Orc.UninstallFailed' -Category NotSpecified -TargetObject 'Orchestrator' -Message (
                    "'orc-exec eventlog remove' failed with exit code ${LASTEXITCODE}: $(($output | ForEach-Object { "$_" }) -join ' ') Run it elevated."))
        }
        return $true
    }
    finally {
        if ($null -ne $saved) { $global:LASTEXITCODE = $saved[0] } else { Remove-Variable -Name LASTEXITCODE -Scope Global -ErrorAction Ignore }
    }
}
