function Start-OrcDashboard {
    <#
    .SYNOPSIS
        Starts the Orchestrator web dashboard and JSON API (orc-exec dashboard) until you stop it.
    .DESCRIPTION
        Start-OrcDashboard runs 'orc-exec dashboard' with this module (so every change the
        dashboard makes goes through Register-OrcTask, Unregister-OrcTask, Enable-/Disable-OrcTask,
        Start-OrcTask and Stop-OrcTask, exactly as from the console) and this PowerShell host to
        run them in. It outputs an Orchestrator.Dashboard object with the URL as soon as the
        dashboard listens, then serves until Ctrl-C. With -NoWait it returns at once and the
        dashboard keeps running until you stop its process (Stop-Process -Id <ProcessId>) or
        -IdleExit passes without a request.
        It listens on loopback only (127.0.0.1, a free port) unless -TokenFile is given: then any
        address may be used and every request must carry the token. A token file that does not
        exist gets a new token, stored like the other secrets and shown once (the Token property).
        Nothing of Orchestrator runs between triggers otherwise: the dashboard is not a service.
    .PARAMETER Listen
        Address and port to listen on (default 127.0.0.1:0, a free loopback port).
    .PARAMETER ReadOnly
        Refuse every change (HTTP 403): a dashboard to look, not to touch.
    .PARAMETER TokenFile
        Secret file holding the access token; required for any address but loopback.
    .PARAMETER Open
        Open the dashboard in the default browser.
    .PARAMETER IdleExit
        Stop after this long without a request (default: never).
    .PARAMETER NoWait
        Return the Orchestrator.Dashboard object at once and leave the dashboard running.
    .PARAMETER WhatIf
        Shows the dashboard that would be started without starting it.
    .PARAMETER Confirm
        Asks for confirmation before starting the dashboard.
    .EXAMPLE
        Start-OrcDashboard -Open

        Opens the dashboard in the browser and serves it until Ctrl-C.
    .EXAMPLE
        $dashboard = Start-OrcDashboard -ReadOnly -NoWait -IdleExit (New-TimeSpan -Minutes 30)
        Invoke-RestMethod "$($dashboard.Url)api/v1/tasks"
        Stop-Process -Id $dashboard.ProcessId

        Starts a read-only dashboard in the background, reads the task list from its API, stops it.
    .EXAMPLE
        Start-OrcDashboard -Listen 0.0.0.0:8443 -TokenFile "$env:ProgramData\Orchestrator\state\dashboard.token"

        Serves the dashboard to other computers; every request needs the token shown the first time.
    .INPUTS
        None. This cmdlet does not take pipeline input.
    .OUTPUTS
        Orchestrator.Dashboard (Url, ReadOnly, Token, CsrfToken, ProcessId)
    .LINK
        Get-OrcTask
    .LINK
        about_Orchestrator
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType('Orchestrator.Dashboard')]
    param(
        [ValidateNotNullOrEmpty()]
        [string] $Listen = '127.0.0.1:0',

        [switch] $ReadOnly,

        [ValidateNotNullOrEmpty()]
        [string] $TokenFile,

        [switch] $Open,

        [timespan] $IdleExit = [timespan]::Zero,

        [switch] $NoWait
    )

    $exe = Get-OrcExecutablePath
    $storeHome = Get-OrcStoreHome
    $manifest = Join-Path $script:ModuleRoot 'Orchestrator.psd1'
    # This host's executable: the process itself may be 'dotnet' (a pwsh installed as a .NET tool).
    $hostName = 'powershell.exe'
    if ($PSVersionTable.PSEdition -eq 'Core') {
        $hostName = 'pwsh'
        if (Test-OrcWindows) { $hostName = 'pwsh.exe' }
    }
    $hostPath = Join-Path $PSHOME $hostName
    if (-not (Test-Path -LiteralPath $hostPath -PathType Leaf)) { $hostPath = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName }
    $arguments = @('dashboard', '--home', $storeHome, '--listen', $Listen, '--module', $manifest, '--pwsh', $hostPath)
    if ($ReadOnly) { $arguments += '--read-only' }
    if ($TokenFile) { $arguments += @('--token-file', $TokenFile) }
    if ($Open) { $arguments += '--open' }
    if ($IdleExit -gt [timespan]::Zero) { $arguments += @('--idle-exit', ('{0}s' -f [int][math]::Ceiling($IdleExit.TotalSeconds))) }

    if (-not $PSCmdlet.ShouldProcess($Listen, 'Start the Orchestrator dashboard')) {
        return
    }

    $toDashboard = {
        param($Line, $ProcessId)
        $info = ConvertFrom-Json -InputObject $Line
        # The token is there only the first time (shown once); strict mode would throw on a missing property.
        $token = $null
        if ($info.PSObject.Properties['token']) { $token = [string]$info.token }
        [pscustomobject]@{
            PSTypeName = 'Orchestrator.Dashboard'
            Url        = [string]$info.url
            ReadOnly   = [bool]$info.readOnly
            Token      = $token
            CsrfToken  = [string]$info.csrfToken
            ProcessId  = $ProcessId
        }
    }

    if (-not $NoWait) {
        # In the foreground the console's Ctrl-C reaches orc-exec too, which then stops serving.
        $failed = $true
        & $exe @arguments 2>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) {
                Write-Warning $_.Exception.Message
            }
            elseif ("$_".TrimStart().StartsWith('{')) {
                $failed = $false
                & $toDashboard "$_" $null
            }
        }
        if ($failed) {
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.DashboardFailed' -Category InvalidOperation -TargetObject $Listen `
                        -Message "The dashboard did not start on $Listen (orc-exec exit code $LASTEXITCODE); the warnings above say why."))
        }
        return
    }

    # Windows' rules for one command line (what ProcessStartInfo.Arguments is split by on every
    # platform): quote each argument, double the backslashes before a quote.
    $quoted = foreach ($argument in $arguments) {
        '"' + ([regex]::Replace([string]$argument, '(\\*)"', '$1$1\"') -replace '(\\+)$', '$1$1') + '"'
    }
    $start = New-Object -TypeName System.Diagnostics.ProcessStartInfo -ArgumentList $exe, ($quoted -join ' ')
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.CreateNoWindow = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLine()
    if (-not $line -or -not $line.TrimStart().StartsWith('{')) {
        if (-not $process.HasExited) { $process.Kill() }
        $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.DashboardFailed' -Category InvalidOperation -TargetObject $Listen `
                    -Message "The dashboard did not start on $Listen; orc-exec's error above says why."))
        return
    }
    & $toDashboard $line $process.Id
}
