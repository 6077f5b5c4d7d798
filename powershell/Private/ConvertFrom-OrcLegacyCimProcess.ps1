function ConvertFrom-OrcLegacyCimProcess {
    <#
    .SYNOPSIS
        Turns a Win32_Process CIM instance into an Orchestrator.LegacyProcess record.
    .DESCRIPTION
        CIM gives the command line, executable, creation date and (through GetOwner) the user, but
        neither the working directory nor the environment of another process: the working
        directory is taken as the executable's folder unless the caller overrides it, and the
        restart inherits the environment of the session that runs Undo-OrcMigration.
    .PARAMETER InputObject
        One Win32_Process instance.
    .OUTPUTS
        Orchestrator.LegacyProcess
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [object] $InputObject
    )

    $user = $null
    try {
        $owner = CimCmdlets\Invoke-CimMethod -InputObject $InputObject -MethodName GetOwner -ErrorAction Stop
        if ($owner -and [int]$owner.ReturnValue -eq 0) {
            $user = [string]$owner.User
            if ($owner.Domain) { $user = "$($owner.Domain)\$($owner.User)" }
        }
    }
    catch {
        Write-Verbose "The owner of process $($InputObject.ProcessId) cannot be read: $($_.Exception.Message)"
    }
    $workingDirectory = $null
    if ($InputObject.ExecutablePath) {
        # A Windows path split by hand: [IO.Path] splits by the host's separator, and this record may be read elsewhere.
        $cut = ([string]$InputObject.ExecutablePath).LastIndexOfAny([char[]]@('\', '/'))
        if ($cut -gt 0) { $workingDirectory = ([string]$InputObject.ExecutablePath).Substring(0, $cut) }
        if ($workingDirectory -and $workingDirectory.EndsWith(':')) { $workingDirectory += '\' }
    }
    $started = $null
    if ($InputObject.CreationDate) { $started = ([datetime]$InputObject.CreationDate).ToUniversalTime().ToString('o') }
    [pscustomobject]@{
        PSTypeName       = 'Orchestrator.LegacyProcess'
        ProcessId        = [int]$InputObject.ProcessId
        StartTime        = $started
        CommandLine      = [string]$InputObject.CommandLine
        Executable       = [string]$InputObject.ExecutablePath
        Argv             = $null
        WorkingDirectory = $workingDirectory
        User             = $user
        Environment      = $null
        StdOut           = $null
        StdErr           = $null
        Platform         = 'Windows'
    }
}
